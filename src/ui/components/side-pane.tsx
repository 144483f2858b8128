// The right-hand pane of a two-column screen: a thin dim rule on its left.
import { Box } from 'ink';
import type { ReactNode } from 'react';

export function SidePane({ width, children }: { width: number; children: ReactNode }) {
  return (
    <Box
      flexDirection="column"
      width={width}
      paddingLeft={1}
      borderStyle="single"
      borderTop={false}
      borderBottom={false}
      borderRight={false}
      borderDimColor
    >
      {children}
    </Box>
  );
}
