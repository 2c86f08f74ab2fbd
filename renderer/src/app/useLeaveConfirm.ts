import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useLeaveQuestion, type LeaveQuestion } from './LeaveQuestionProvider';

/**
 * While `question` is given, every way away from the page by the address (the menu, a search
 * result, a tab kept in the address, back) asks first: leaving goes on only on OK, cancelling
 * stays where the user was. The app's own confirm dialog (antd), as its other questions. The
 * shell is told the question too, so that locking asks it (LockButton), and closing the window
 * is held for main to ask (close-guard): neither goes by the address.
 */
export function useLeaveConfirm(question: LeaveQuestion | null): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(question !== null);
  const { ask: announce } = useLeaveQuestion();
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
  useEffect(() => {
    if (title === undefined || okText === undefined || cancelText === undefined) return;
    announce({ title, okText, cancelText });
    // Closing or reloading the window: held, and in Electron main asks (will-prevent-unload).
    const hold = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', hold);
    return () => {
      announce(null);
      window.removeEventListener('beforeunload', hold);
    };
  }, [announce, title, okText, cancelText]);
}
