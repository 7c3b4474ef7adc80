package io.tip.app.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.tip.engine.EngineConfig;
import io.tip.engine.OfflineEvaluator;
import io.tip.engine.OfflineEvaluator.Step;
import io.tip.model.EventType;
import io.tip.model.MarketEvent;
import io.tip.model.ThesisImpact;
import io.tip.notes.Vault;

/** The backtest picture: a real SVG or PNG, with one marker per impact. */
class TimelinePictureTest {
    @TempDir Path dir;

    /** Each moved thesis's steps over event time, from the example vault and three events, through the engine. */
    private static Map<String, List<Step>> steps() throws IOException {
        Vault vault = Vault.read(Path.of("../../examples/vault"));
        OfflineEvaluator evaluator = new OfflineEvaluator(new EngineConfig(Map.of()), vault.theses(), vault.implications(), vault.entities());
        Map<String, List<ThesisImpact>> byThesis = new LinkedHashMap<>();
        for (MarketEvent e : List.of(
                event("evt-1", EventType.DISCONTINUATION, "Amazon", null, "2024-12-03", "AWS drops Inferentia"),
                event("evt-2", EventType.ACQUISITION, "NVIDIA", "Groq", "2025-12-24", "NVIDIA to acquire Groq"),
                event("evt-3", EventType.PRODUCT_LAUNCH, "Google", null, "2025-11-06", "Google TPU for inference"))) {
            evaluator.evaluate(e.getId(), e, 0).impacts()
                    .forEach(i -> byThesis.computeIfAbsent(i.getThesisTitle(), k -> new ArrayList<>()).add(i));
        }
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        byThesis.forEach((title, impacts) -> steps.put(title, evaluator.overEventTime(impacts)));
        return steps;
    }

    private static MarketEvent event(String id, EventType type, String actor, String target, String day, String headline) {
        return MarketEvent.newBuilder().setId(id).setType(type).setActor(actor).setTarget(target)
                .setOccurredAt(Instant.parse(day + "T00:00:00Z")).setHeadline(headline).setTags(List.of("inference")).build();
    }

    @Test
    void anSvgWithOneMarkerPerImpactColouredByStanceAndPropagatedDimmed() throws Exception {
        Map<String, List<Step>> steps = steps();
        int impacts = steps.values().stream().mapToInt(List::size).sum();
        assertThat(impacts).as("direct and propagated impacts of three events").isEqualTo(9);
        Path file = dir.resolve("timeline.svg");

        TimelinePicture.write(file, "backtest", steps);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList markers = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//g[starts-with(@id, 'impact-')]", svg, XPathConstants.NODESET);
        assertThat(markers.getLength()).isEqualTo(impacts);
        // 3 direct: SUPPORTS green (2) and CHALLENGES red (1); 6 propagated REVIEW, grey at 90/255 opacity
        String text = java.nio.file.Files.readString(file);
        assertThat(text).contains("fill:rgb(46,125,50)").contains("fill:rgb(198,40,40)").contains("fill:rgb(117,117,117);fill-opacity:0.35");
    }

    @Test
    void aPngThatImageReadersOpen() throws Exception {
        Path file = dir.resolve("timeline.png");

        TimelinePicture.write(file, "backtest", steps());

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(520);
    }
}
