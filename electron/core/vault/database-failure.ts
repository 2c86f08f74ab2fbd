import { AppError } from '../app-error';
import type { OpenDatabaseFailure } from '../db/open-database';

/** Turns a failed open into the error the user sees. Nothing is deleted or recreated. */
export function databaseFailureError(failure: OpenDatabaseFailure): AppError {
  switch (failure) {
    case 'missing':
      return new AppError('workspace.databaseMissing', 'The workspace database file is missing');
    case 'notADatabase':
    case 'truncated':
      return new AppError(
        'workspace.corrupt',
        'The workspace database is damaged or not a database',
        {
          failure,
        },
      );
    case 'newerSchema':
      return new AppError('workspace.newerSchema', 'The workspace was written by a newer version');
    case 'migrationFailed':
      return new AppError('workspace.migrationFailed', 'The workspace could not be upgraded');
  }
}
