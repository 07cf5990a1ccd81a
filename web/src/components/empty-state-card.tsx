import { Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateCardProps {
  title: string;
  message: string;
  icon: ReactNode;
  /** Heading level inside the page (the page title is the h1). */
  headingOrder?: 2 | 3;
  children?: ReactNode;
}

/** A dashboard card that has nothing to show yet, with a friendly message. */
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
      <Text c="dimmed">{message}</Text>
      {children}
    </Card>
  );
}
