// The plan's build line: which parts the update rebuilds and which it reuses from the running build.
// The Node bundle's part says why (the check predicts it from the inputs the running build recorded).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NodeBundlePlan, UpdateView } from '../../../../shared/types';

const PARTS = ['renderer', 'preload'] as const;

/** Why the Node bundle is rebuilt or reused: the changed files and folders, else the cause. */
function nodeWhy(node: NodeBundlePlan, t: TFunction): string {
  if (node.reused) return t('update.confirm.plan.node.reused');
  const reasons: string[] = [];
  if (node.changedCount > 0) {
    const named = node.changed.join(', ');
    const more = node.changedCount - node.changed.length;
    const files = more > 0 ? t('update.confirm.plan.node.more', { files: named, count: more }) : named;
    reasons.push(t('update.confirm.plan.node.changed', { count: node.changedCount, files }));
  }
  if (node.folders.length > 0) reasons.push(t('update.confirm.plan.node.folders', { folders: node.folders.map((d) => (d === '.' ? './' : `${d}/`)).join(', ') }));
  if (reasons.length === 0) reasons.push(t(`update.confirm.plan.node.cause.${node.cause ?? 'unknown'}`));
  return reasons.join(t('update.confirm.plan.node.separator'));
}

export function BuildPlan({ build }: { build: UpdateView['build'] }) {
  const { t } = useTranslation();
  const name = (part: (typeof PARTS)[number]) => t(`update.confirm.plan.reuse.${part}`);
  const reused = (build?.reused ?? []).map(name);
  const node = build?.node;
  // A server without the Node bundle's plan: "Rebuild", and the panel/preload it reuses.
  if (!node) {
    return (
      <>
        {t('update.confirm.plan.build')}
        {reused.length > 0 && <span className="update-plan__detail">{` — ${t('update.confirm.plan.buildReused', { parts: reused.join(', ') })}`}</span>}
      </>
    );
  }
  const rebuilt = PARTS.filter((p) => !build.reused.includes(p)).map(name);
  (node.reused ? reused : rebuilt).push(`${t('update.confirm.plan.reuse.node')} (${nodeWhy(node, t)})`);
  return (
    <span data-node={node.reused ? 'reused' : 'rebuilt'}>
      {rebuilt.length > 0 ? t('update.confirm.plan.buildParts', { parts: rebuilt.join(', ') }) : t('update.confirm.plan.buildNothing')}
      {reused.length > 0 && <span className="update-plan__detail">{` — ${t('update.confirm.plan.buildReused', { parts: reused.join(', ') })}`}</span>}
    </span>
  );
}
