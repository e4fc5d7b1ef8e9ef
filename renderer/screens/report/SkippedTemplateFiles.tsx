import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ChannelResponse } from '../../../core/ipc/contract';

type Skipped = ChannelResponse<'file:choose-report-template'>['skipped'];

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  path: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * What main did not read from a chosen template folder, and why: a logo over the size limit
 * or a block in a folder too deep would otherwise just be "missing" with no reason given.
 */
export function SkippedTemplateFiles({ folderName, skipped }: { folderName: string; skipped: Skipped }) {
  const styles = useStyles();
  if (skipped.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="template-skipped">
      <MessageBarBody>
        <MessageBarTitle>Not read from {folderName}</MessageBarTitle>
        <ul className={styles.list}>
          {skipped.map((s) => (
            <li key={s.path} data-testid="template-skipped-entry">
              <span className={styles.path}>{s.path}</span>: {s.reason}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
