import { Link, Text } from '@fluentui/react-components';
import { BREAK_GLASS_CHECK_ID as BREAK_GLASS_CHECK } from '../../../core/graph/checks/break-glass';
import { useUiStore } from '../../stores/ui-store';

/**
 * Beside a question whose answer GR-09 can verify (PAM-09): Microsoft Graph can only check
 * the emergency access accounts once they are named, which is done in the Inventory.
 */
export function BreakGlassHint({ claims }: { claims: readonly string[] | undefined }) {
  const showArea = useUiStore((s) => s.showArea);
  if (!claims?.includes(BREAK_GLASS_CHECK)) return null;
  return (
    <Text data-testid="break-glass-hint">
      Microsoft Graph can verify this answer ({BREAK_GLASS_CHECK}) once the accounts are named:{' '}
      <Link as="button" onClick={() => showArea('inventory')}>
        name the emergency access accounts in the Inventory
      </Link>
      .
    </Text>
  );
}
