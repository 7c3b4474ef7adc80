package io.tip.notes.internal.markdown;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A GFM table read by column name (case-insensitive), each row with its line. */
final class NoteTable {
    /** A body row: cells by header position, as Markdown nodes so links and text can both be read. */
    record Row(int line, List<TableCell> cells) {
        Optional<TableCell> cell(int column) {
            return column >= 0 && column < cells.size() ? Optional.of(cells.get(column)) : Optional.empty();
        }

        String text(int column) {
            return cell(column).map(InlineText::display).orElse("");
        }

        /** The cell with each {@code [[Target|shown]]} as its target. */
        String linkTargets(int column) {
            return WikiLink.targets(raw(column));
        }

        String raw(int column) {
            return cell(column).map(InlineText::raw).orElse("");
        }
    }

    private final int line;
    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    NoteTable(TableBlock block) {
        this.line = InlineText.line(block);
        for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<TableCell> cells = cells((TableRow) row);
                if (section instanceof TableHead) {
                    cells.forEach(c -> header.add(InlineText.raw(c).toLowerCase(Locale.ROOT)));
                } else if (section instanceof TableBody) {
                    rows.add(new Row(InlineText.line(row), cells));
                }
            }
        }
    }

    private static List<TableCell> cells(TableRow row) {
        List<TableCell> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            cells.add((TableCell) cell);
        }
        return cells;
    }

    int line() {
        return line;
    }

    /** Position of the column, -1 when the table has none. */
    int column(String name) {
        return header.indexOf(name);
    }

    List<Row> rows() {
        return rows;
    }
}
