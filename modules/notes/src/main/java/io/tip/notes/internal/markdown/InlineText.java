package io.tip.notes.internal.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The plain text of a Markdown node (formatting dropped, wiki links kept as written). */
final class InlineText {
    private InlineText() {
    }

    static String raw(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                text.append(' ');
            }
        });
        return text.toString().strip();
    }

    /** The text a reader sees: wiki links shown by their names. */
    static String display(Node node) {
        return WikiLink.display(raw(node));
    }

    /** 1-based line where the node starts; 0 when the parser gave no position. */
    static int line(Node node) {
        var spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }
}
