import { Link, useParams } from 'react-router-dom';
import { Badge } from '../../ui/Badge';
import { QueryView } from '../../ui/QueryView';
import { SkeletonBlock } from '../../ui/Skeleton';
import { ChannelForm } from './ChannelForm';
import { DeliveriesTable } from './DeliveriesTable';
import { useUserDetails } from './hooks';
import { ModulesCard } from './ModulesCard';
import { ProfileForm } from './ProfileForm';
import { WebhooksCard } from './WebhooksCard';

export function UserDetailsPage() {
  const { userId = '' } = useParams();
  const details = useUserDetails(userId);
  return (
    <section className="page">
      <Link to="/admin/users" className="back-link">
        ← Users
      </Link>
      <QueryView query={details} loading={<SkeletonBlock height={320} />} errorTitle="Could not load this user">
        {(user) => (
          <>
            <header className="page-header">
              <div>
                <h1 data-testid="user-details-name">{user.name}</h1>
                <p className="muted">
                  {user.email} · <Badge tone={`role-${user.role}`}>{user.role}</Badge>
                </p>
              </div>
            </header>
            <div className="grid-2">
              <ProfileForm key={`${user.name}|${user.role}`} user={user} />
              <ModulesCard user={user} />
            </div>
            <ChannelForm user={user} />
            <WebhooksCard user={user} />
            <DeliveriesTable
              deliveries={user.recentDeliveries}
              refreshing={details.isFetching}
              onRefresh={() => void details.refetch()}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
