import { Route, Routes } from 'react-router-dom';
import { CoordinatorPage } from './CoordinatorPage';
import { MyDataPage } from './MyDataPage';

/** "Mina uppgifter" and, under /coordinator, the coordinators' page. @public */
export function PersonalDataPage() {
  return (
    <Routes>
      <Route path="coordinator" element={<CoordinatorPage />} />
      <Route path="*" element={<MyDataPage />} />
    </Routes>
  );
}
