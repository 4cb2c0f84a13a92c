// Code blocks mounted together (a page of rows scrolled into view) are highlighted a budget of
// characters per frame, not all in the task that mounted them, and a block shown again is not
// highlighted twice.
import './setup';
import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CodeBlock from '../../renderer/src/components/messages/CodeBlock';
import { CHARS_PER_FRAME } from '../../renderer/src/lib/discord/highlight-queue';

const LINE = 'const total = items.reduce((a, b) => a + b.size, 0);\n';
/** A 2,000-character TypeScript block, distinct per n (a remembered block would not count). */
const block = (n: number) => `// block ${n}\n${LINE.repeat(40)}`.slice(0, 2000);

afterEach(() => {
  vi.useRealTimers();
});

const highlighted = (c: HTMLElement) => c.querySelectorAll('code.hljs').length;

describe('code highlighting while scrolling', () => {
  it('ten blocks mounted at once are highlighted three a frame (6,000 characters), the rest in the next frames', async () => {
    // Loaded beforehand, so only the frame budget decides when a block is highlighted.
    await import('../../renderer/src/lib/discord/highlight');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const { container } = render(
      <>
        {Array.from({ length: 10 }, (_, i) => (
          <CodeBlock key={i} code={block(i)} lang="ts" />
        ))}
      </>,
    );
    await act(async () => {
      await Promise.resolve();
    });
    const counts: number[] = [];
    for (let frame = 0; frame < 5; frame++) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(16);
      });
      counts.push(highlighted(container));
    }
    expect(CHARS_PER_FRAME).toBe(6000);
    // Three new blocks a frame at most, all ten by the fourth.
    expect(counts).toEqual([3, 6, 9, 10, 10]);
  });

  it('a block scrolled back into view shows highlighted at once, from memory', async () => {
    const code = block(99);
    const first = render(<CodeBlock code={code} lang="ts" />);
    await vi.waitFor(() => expect(highlighted(first.container)).toBe(1), { timeout: 10_000 });
    first.unmount();
    const again = render(<CodeBlock code={code} lang="ts" />);
    // The first render already: no frame, no second highlight.
    expect(highlighted(again.container)).toBe(1);
  });
});
