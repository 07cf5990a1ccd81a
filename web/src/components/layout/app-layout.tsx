import { Anchor, AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export interface AppLayoutNavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

export interface AppLayoutProps {
  /** Navigation for the signed-in user's role(s); none → no navbar. */
  navItems: readonly AppLayoutNavItem[];
  /** The signed-in user's display name, if any. */
  userName?: string | null;
  onSignOut?: () => void;
  /** The language control (kept out of this presentational shell so it can store preferences). */
  languageSwitcher: ReactNode;
  /** Controls for the signed-in user shown in the header on every screen size (e.g. the notification bell). */
  headerActions?: ReactNode;
  /** A second header row on every page (the person switcher: whose record the pages show). */
  headerBar?: ReactNode;
  children: ReactNode;
}

export const MAIN_CONTENT_ID = 'main-content';

function isActive(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The one item the page belongs to: the most specific match (/admin/his/identity over /admin/his over /admin). */
function activeItem(pathname: string, items: readonly AppLayoutNavItem[]): string | undefined {
  return items
    .filter((item) => isActive(pathname, item.to))
    .reduce<string | undefined>((best, item) => (best === undefined || item.to.length > best.length ? item.to : best), undefined);
}

/** Mobile-first shell: header (app name, language, user, sign out), burger navigation under 48em, main. */
export function AppLayout({
  navItems,
  userName,
  onSignOut,
  languageSwitcher,
  headerActions,
  headerBar,
  children,
}: AppLayoutProps): ReactNode {
  const { t } = useTranslation('common');
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const hasNav = navItems.length > 0;
  const activeTo = activeItem(location.pathname, navItems);

  // Note: after client-side navigation, move focus to the new page so screen readers don't stay on the old link.
  useEffect(() => {
    closeNav();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname, closeNav]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView?.();
  };

  return (
    <>
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skipToMain}>
        {t('skipToContent')}
      </a>
      <AppShell
        // Note: the person switcher gets a row of its own, so the person's name stays readable at 375 px.
        header={{ height: headerBar ? 104 : 60 }}
        navbar={
          hasNav ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened, desktop: false } } : undefined
        }
        padding="md"
      >
        <AppShell.Header>
          <Group h={60} px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              {hasNav && (
                <Burger
                  opened={navOpened}
                  onClick={toggleNav}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={navOpened ? t('closeNavigation') : t('openNavigation')}
                  aria-expanded={navOpened}
                  aria-controls="app-navigation"
                />
              )}
              <Anchor component={Link} to="/" c="blue.9" fw={700} fz="lg" underline="never">
                {t('appName')}
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {headerActions}
              {languageSwitcher}
              {userName && (
                <Text fw={600} visibleFrom="sm" truncate="end" maw={200}>
                  {userName}
                </Text>
              )}
              {onSignOut && (
                <Button
                  variant="outline"
                  size="sm"
                  onClick={onSignOut}
                  leftSection={<IconLogout size={16} aria-hidden="true" />}
                  visibleFrom={hasNav ? 'sm' : undefined}
                >
                  {t('signOut')}
                </Button>
              )}
            </Group>
          </Group>
          {headerBar && (
            <Group h={44} px="md" wrap="nowrap" gap="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              {headerBar}
            </Group>
          )}
        </AppShell.Header>

        {hasNav && (
          <AppShell.Navbar
            p="sm"
            id="app-navigation"
            aria-label={t('mainNavigation')}
            className="app-navbar"
            data-mobile-open={navOpened || undefined}
          >
            <AppShell.Section grow component={ScrollArea}>
              <Stack gap={4}>
                {navItems.map((item) => {
                  const active = item.to === activeTo;
                  return (
                    <NavLink
                      key={item.to}
                      component={Link}
                      to={item.to}
                      label={item.label}
                      leftSection={item.icon}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      variant="light"
                    />
                  );
                })}
              </Stack>
            </AppShell.Section>
            {(userName || onSignOut) && (
              <AppShell.Section hiddenFrom="sm" pt="sm">
                {userName && (
                  <Text fw={600} mb="xs">
                    {userName}
                  </Text>
                )}
                {onSignOut && (
                  <Button
                    variant="outline"
                    fullWidth
                    onClick={onSignOut}
                    leftSection={<IconLogout size={16} aria-hidden="true" />}
                  >
                    {t('signOut')}
                  </Button>
                )}
              </AppShell.Section>
            )}
          </AppShell.Navbar>
        )}

        <AppShell.Main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1}>
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
