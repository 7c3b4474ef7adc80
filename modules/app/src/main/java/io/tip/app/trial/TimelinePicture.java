package io.tip.app.trial;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

import io.tip.engine.OfflineEvaluator.Step;
import io.tip.model.Stance;
import io.tip.model.ThesisImpact;

/**
 * The timeline of a backtest as a chart (JFreeChart): each thesis's score as a step line over event
 * time, and one marker per impact on that line, coloured by stance, propagated impacts dimmed.
 * Written as SVG (JFreeSVG) or PNG by the file's extension. In SVG each marker is a group
 * {@code <g id="impact-N">}, so a reader (or a test) can find every impact in the picture.
 */
public final class TimelinePicture {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    private static final Map<Stance, Color> COLOURS = Map.of(
            Stance.SUPPORTS, new Color(0x2E7D32), Stance.CHALLENGES, new Color(0xC62828), Stance.REVIEW, new Color(0x757575));

    private TimelinePicture() {
    }

    /** Draws the steps of each thesis (keyed by its title) into {@code file} (.svg or .png). */
    public static void write(Path file, String title, Map<String, List<Step>> stepsByThesis) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("--picture " + file + ": name the file .svg or .png");
        }
        JFreeChart chart = chart(title, stepsByThesis);
        if (svg) {
            SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            Files.writeString(file, g2.getSVGDocument());
        } else {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        }
    }

    static JFreeChart chart(String title, Map<String, List<Step>> stepsByThesis) {
        XYSeriesCollection scores = new XYSeriesCollection();
        // One marker series per stance, direct and propagated: six at most, in a fixed order so colours are stable.
        Map<String, XYSeries> markers = new LinkedHashMap<>();
        List<Color> markerColours = new ArrayList<>();
        for (boolean direct : new boolean[] {true, false}) {
            for (Stance stance : Stance.values()) {
                String key = stance.name().toLowerCase(Locale.ROOT) + (direct ? "" : " (propagated)");
                markers.put(stance + "/" + direct, new XYSeries(key, false, true));
                Color c = COLOURS.get(stance);
                markerColours.add(direct ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
            }
        }
        stepsByThesis.forEach((thesis, steps) -> {
            XYSeries score = new XYSeries(thesis + " — score", false, true);
            for (Step step : steps) {
                ThesisImpact impact = step.impact();
                double x = impact.getEventTime().toEpochMilli();
                score.add(x, step.stateAfter().getScore());
                markers.get(impact.getStance() + "/" + (impact.getOrder() == 1)).add(x, step.stateAfter().getScore());
            }
            scores.addSeries(score);
        });
        XYSeriesCollection impacts = new XYSeriesCollection();
        List<Color> usedColours = new ArrayList<>();
        int i = 0;
        for (XYSeries series : markers.values()) {
            if (series.getItemCount() > 0) {
                impacts.addSeries(series);
                usedColours.add(markerColours.get(i));
            }
            i++;
        }

        DateAxis time = new DateAxis("event time");
        NumberAxis score = new NumberAxis("score");
        score.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(time);
        plot.setRangeAxis(score);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));

        MarkerRenderer markerRenderer = new MarkerRenderer();
        for (int s = 0; s < usedColours.size(); s++) {
            markerRenderer.setSeriesPaint(s, usedColours.get(s));
            markerRenderer.setSeriesShape(s, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        plot.setDataset(0, impacts);
        plot.setRenderer(0, markerRenderer);
        XYStepRenderer lines = new XYStepRenderer();
        for (int s = 0; s < scores.getSeriesCount(); s++) {
            lines.setSeriesStroke(s, new BasicStroke(1.5f));
            lines.setSeriesPaint(s, new Color(0x1565C0));
        }
        plot.setDataset(1, scores);
        plot.setRenderer(1, lines);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Markers only, each drawn inside its own SVG group so every impact can be found in the picture. */
    private static final class MarkerRenderer extends XYLineAndShapeRenderer {
        private int drawn;

        MarkerRenderer() {
            super(false, true);
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                             XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
            boolean marker = isItemPass(pass) && g2 instanceof SVGGraphics2D;
            if (marker) {
                g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "impact-" + drawn++);
            }
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
            if (marker) {
                g2.setRenderingHint(SVGHints.KEY_END_GROUP, "impact");
            }
        }
    }
}
