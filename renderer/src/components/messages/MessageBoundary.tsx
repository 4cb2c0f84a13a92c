// A message whose drawing throws (data no test foresaw) is shown as its author and plain text, and the
// others are drawn as usual: without a boundary React removed the whole panel, after a reload too.
import { Component, type ReactNode } from 'react';
import type { ChatMessage } from '../../../../shared/types';

interface Props {
  message: ChatMessage;
  children: ReactNode;
}

interface State {
  failed: boolean;
  /** The version of the message drawn: a new one (an edit) is tried again. */
  message: ChatMessage;
}

export class MessageBoundary extends Component<Props, State> {
  constructor(props: Props) {
    super(props);
    this.state = { failed: false, message: props.message };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.message !== state.message ? { failed: false, message: props.message } : null;
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`Message ${this.props.message.id} could not be drawn:`, error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const m = this.props.message;
    return (
      <div className="message__body" data-testid="message-fallback">
        <header className="message__header">
          <span id={`message-${m.id}-author`} className="message__author">
            <bdi>{m.author.displayName}</bdi>
          </span>
        </header>
        <div className="message__content">
          <bdi style={{ whiteSpace: 'pre-wrap' }}>{m.content}</bdi>
        </div>
      </div>
    );
  }
}
