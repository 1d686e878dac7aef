import { Link } from 'react-router-dom';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { QueryView } from '../../ui/QueryView';
import { SkeletonBlock } from '../../ui/Skeleton';
import { CreateUserForm } from './CreateUserForm';
import { useUsers } from './hooks';

export function UsersPage() {
  const users = useUsers();
  return (
    <section className="page">
      <header className="page-header">
        <h1>Users</h1>
      </header>
      <div className="grid-2">
        <div className="card">
          <h2>All users</h2>
          <QueryView query={users} loading={<SkeletonBlock height={160} />} errorTitle="Could not load users">
            {(list) =>
              list.length === 0 ? (
                <EmptyState title="No users yet — create one" />
              ) : (
                <table className="table" data-testid="users-table">
                  <thead>
                    <tr>
                      <th>Name</th>
                      <th>Email</th>
                      <th>Role</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((user) => (
                      <tr key={user.id} data-testid="user-row" data-user-id={user.id}>
                        <td>
                          <Link to={`/admin/users/${user.id}`} data-testid="user-link">
                            {user.name}
                          </Link>
                        </td>
                        <td>{user.email}</td>
                        <td>
                          <Badge tone={`role-${user.role}`}>{user.role}</Badge>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </QueryView>
        </div>
        <CreateUserForm />
      </div>
    </section>
  );
}
