import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAdmin, RequireAuth } from '../features/auth/guards';
import { SettingsPage } from '../features/auth/SettingsPage';
import { UsersPage } from '../features/admin/UsersPage';
import { UserDetailsPage } from '../features/admin/UserDetailsPage';
import { OutboxPage } from '../features/outbox/OutboxPage';
import { JobDetailsPage } from '../features/jobs/JobDetailsPage';
import { NewJobPage } from '../features/compose/NewJobPage';
import { NotFoundPage } from './NotFoundPage';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<Navigate to="/outbox" replace />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="outbox/new" element={<NewJobPage />} />
        <Route path="outbox/:jobId" element={<JobDetailsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="admin" element={<RequireAdmin />}>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="users/:userId" element={<UserDetailsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
