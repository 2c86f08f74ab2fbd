import type { ButtonProps } from 'antd';

/** The test ids of buttons antd draws for a page: a dialog's OK, a confirmation's two buttons. */
export type ButtonTestId = `${string}-submit` | `${string}-confirm` | `${string}-cancel`;

/**
 * Button props with a `data-testid`. antd's ButtonProps does not name data attributes, though
 * it passes them to the button; typed here once instead of a cast at every dialog.
 */
export function buttonTestId(id: ButtonTestId, props: ButtonProps = {}): ButtonProps {
  const withId: ButtonProps & { 'data-testid': ButtonTestId } = { ...props, 'data-testid': id };
  return withId;
}
