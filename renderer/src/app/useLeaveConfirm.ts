import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/** What to ask before a page is left, as a confirm dialog words it. */
interface LeaveQuestion {
  title: string;
  /** Leaving. */
  okText: string;
  /** Staying on the page. */
  cancelText: string;
}

/**
 * While `question` is given, every way away from the page by the address (the menu, a search
 * result, a tab kept in the address, back) asks first: leaving goes on only on OK, cancelling
 * stays where the user was. The app's own confirm dialog (antd), as its other questions.
 */
export function useLeaveConfirm(question: LeaveQuestion | null): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(question !== null);
  const { title, okText, cancelText } = question ?? {};
  useEffect(() => {
    if (blocker.state !== 'blocked' || title === undefined) return;
    const asked = modal.confirm({
      title,
      okText,
      cancelText,
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    return () => asked.destroy();
  }, [blocker, modal, title, okText, cancelText]);
}
