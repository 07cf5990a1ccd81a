import { Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateCardProps {
  title: string;
  /** The friendly text when there is nothing to show; omit when `children` show something. */
  message?: string;
  icon: ReactNode;
  /** Heading level inside the page (the page title is the h1). */
  headingOrder?: 2 | 3;
  children?: ReactNode;
}

/** A dashboard card: a heading with an icon, and a friendly message when there is nothing to show yet. */
export function EmptyStateCard({ title, message, icon, headingOrder = 2, children }: EmptyStateCardProps): ReactNode {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={headingOrder} size="h4">
          {title}
        </Title>
      </Group>
      {message ? <Text c="dimmed">{message}</Text> : null}
      {children}
    </Card>
  );
}
