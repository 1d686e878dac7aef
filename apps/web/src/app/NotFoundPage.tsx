import { Link } from 'react-router-dom';
import { EmptyState } from '../ui/EmptyState';

export function NotFoundPage() {
  return (
    <section className="page">
      <EmptyState title="This page does not exist">
        <Link to="/outbox" className="btn">
          Go to the Outbox
        </Link>
      </EmptyState>
    </section>
  );
}
