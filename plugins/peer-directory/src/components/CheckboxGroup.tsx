import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';

/** A labelled group of checkboxes (a fieldset with a legend). */
export function CheckboxGroup<T extends string>(props: {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T[];
  onChange: (value: T[]) => void;
}) {
  return (
    <FormControl component="fieldset" margin="normal" fullWidth>
      <FormLabel component="legend">{props.label}</FormLabel>
      <FormGroup row>
        {props.options.map(option => (
          <FormControlLabel
            key={option.value}
            label={option.label}
            control={
              <Checkbox
                checked={props.value.includes(option.value)}
                onChange={e =>
                  props.onChange(
                    e.target.checked
                      ? [...props.value, option.value]
                      : props.value.filter(v => v !== option.value),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}
