import type { ComboboxProps } from '@mantine/core';

/**
 * A long type-ahead list (the regions) always opens below its field. Near the foot of the page it would
 * otherwise open above, taller than the screen; typing then selects its first choice, which scrolls that
 * choice into view, the field leaves the screen and the list closes before one can pick (the delegation's
 * region could not be chosen).
 */
export const LIST_BELOW: ComboboxProps = { shadow: 'md', position: 'bottom', middlewares: { flip: false, shift: true } };
