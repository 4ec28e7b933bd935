// Notifications for results: successes short, errors with Kratos's reason and error id.
import { notifications } from '@mantine/notifications';
import { describeError } from './api';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 3500 });
}

export function notifyError(error: unknown, context?: string): void {
  const d = describeError(error);
  notifications.show({
    color: 'red',
    title: context ? `${context}: ${d.title}` : d.title,
    message: d.id ? `${d.message} (${d.id})` : d.message || d.title,
    autoClose: 9000,
  });
}
