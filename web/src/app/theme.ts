import { createTheme, InputWrapper, NavLink, Notification, type CSSVariablesResolver } from '@mantine/core';

/**
 * Colours chosen for WCAG AA contrast: Mantine's default primary shade (blue.6) and dimmed text (gray.6)
 * are under 4.5:1 on white, so the primary uses shade 8 (5.0:1) and dimmed text gray.7 (8.2:1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  // Note: no sliding or fading for people who asked their system for reduced motion (toasts, popovers, drawers).
  respectReducedMotion: true,
  // Note: system fonts only; nothing is loaded from outside (medical data rule).
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Helvetica, Arial, sans-serif',
  headings: {
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Helvetica, Arial, sans-serif',
    sizes: { h1: { fontSize: '1.75rem', lineHeight: '1.3' } },
  },
  components: {
    // Note: no "*" after required labels: forms say "all fields are required" instead, and the accessible
    // name stays exactly the label text (E2E tests and screen readers find "Email", not "Email *").
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
    // Note: a toast with a title draws its text in gray.6 (3.3:1 on white); gray.8 reads at AA.
    Notification: Notification.extend({ styles: { description: { color: 'var(--mantine-color-gray-8)' } } }),
    // Note: the current page's nav item under the pointer darkens to a shade its text reads on at only 4.0:1; it
    // keeps its own (AA) background instead, which the pointer just clicked anyway.
    NavLink: NavLink.extend({
      vars: (_theme, props) => ({ root: props.variant === 'light' ? { '--nl-hover': 'var(--mantine-primary-color-light)' } : {}, children: {} }),
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
