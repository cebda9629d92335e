import type { StatsCell, StatsRow, StatsTable } from './stats-table-model';

function CellContent({ cell }: { cell: StatsCell }) {
  return (
    <>
      {cell.dateTime ? <time dateTime={cell.dateTime}>{cell.text}</time> : cell.text}
      {cell.note && (
        <>
          {' '}
          <span className="cell-note">{cell.note}</span>
        </>
      )}
    </>
  );
}

function Row({ row }: { row: StatsRow }) {
  return (
    <tr className={row.isRange ? 'is-range' : undefined}>
      <th scope="row">
        {row.header} <span className="cell-note">{row.headerNote}</span>
      </th>
      {row.cells.map((cell) => (
        <td key={cell.column} className={cell.hidden ? 'is-hidden' : undefined}>
          <CellContent cell={cell} />
        </td>
      ))}
    </tr>
  );
}

/**
 * The team figures as a table: the accessible alternative to the charts and the one place
 * with every figure. Column and row headers carry scope; the range row is the footer.
 */
export function TeamStatsTable({ table, caption }: { table: StatsTable; caption: string }) {
  return (
    <div className="team-table-scroll">
      <table className="team-stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.weekRows.map((row) => (
            <Row key={row.key} row={row} />
          ))}
        </tbody>
        {table.rangeRow && (
          <tfoot>
            <Row row={table.rangeRow} />
          </tfoot>
        )}
      </table>
    </div>
  );
}
