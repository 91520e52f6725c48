import { MantineProvider, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
// the variables and helper classes the components need; not baseline.css, whose reset would restyle our pages
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import type { ReactNode } from 'react';

// styles.css's --accent (#1d4f91) at shade 6, the shade Mantine fills with, so its buttons and focus match ours
const accent: MantineColorsTuple = [
  '#eaf1fb',
  '#d2e0f4',
  '#a6c1e8',
  '#759fdb',
  '#4c82cf',
  '#2f69b8',
  '#1d4f91',
  '#184379',
  '#133662',
  '#0d2849',
];

export const theme = createTheme({
  colors: { accent },
  primaryColor: 'accent',
  primaryShade: 6,
  black: '#1b1f24',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif",
  defaultRadius: 6,
  // our own focus ring (styles.css) on every control
  focusRing: 'never',
  other: { muted: '#50575f', line: '#d5d9de' },
});

// Mantine's grey for descriptions and placeholders is too pale on white (axe: color-contrast); ours is --muted
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#50575f', '--mantine-color-placeholder': '#5f666e' },
  dark: {},
});

/** Mantine's components with our colours, in the light scheme our pages are drawn in. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolver} forceColorScheme="light">
      {children}
    </MantineProvider>
  );
}
