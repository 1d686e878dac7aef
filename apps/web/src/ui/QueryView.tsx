import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from './ErrorState';
import { Loading } from './Spinner';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  loading?: ReactNode;
  errorTitle?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry) or the data of one query. */
export function QueryView<T>({ query, loading = <Loading />, errorTitle, children }: QueryViewProps<T>) {
  if (query.isPending) return <>{loading}</>;
  if (query.isError) return <ErrorState error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
