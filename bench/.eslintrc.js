// The harness loads data through the plugins' own stores and generators,
// as each plugin's bench/ script does: it imports their src/ on purpose.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: { '@backstage/no-forbidden-package-imports': 'off' },
});
