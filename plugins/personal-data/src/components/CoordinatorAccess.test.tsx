import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { personalDataApiRef } from '../api/PersonalDataApi';
import { CoordinatorPage } from './CoordinatorPage';

jest.setTimeout(30_000);

describe('CoordinatorPage for everyone else', () => {
  it('shows nothing but a way back to their own data', async () => {
    const api = { listErasureRequests: jest.fn(), me: jest.fn() };
    await renderInTestApp(<CoordinatorPage />, {
      apis: [
        [personalDataApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize: 'DENY' } as any)],
      ] as any,
    });
    expect(
      await screen.findByText(
        'Only coordinators handle personal data requests.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My data' })).toHaveAttribute(
      'href',
      '/personal-data',
    );
    expect(api.listErasureRequests).not.toHaveBeenCalled();
  });
});
