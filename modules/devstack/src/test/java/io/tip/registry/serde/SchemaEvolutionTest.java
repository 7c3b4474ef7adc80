package io.tip.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.tip.registry.SharedStack;
import io.tip.registry.TestSchemas;
import io.tip.registry.client.SchemaRegistryClient;
import io.tip.registry.testdata.Side;
import io.tip.registry.testdata.Trade;

class SchemaEvolutionTest {
    private final String registryUrl = SharedStack.get().registryUrl();
    private final Schema v2 = TestSchemas.parse(TestSchemas.TRADE_V2);

    @Test
    void dataFromANewerWriterReadsIntoTheOlderGeneratedClass() {
        // Given v1 registered by an old producer, then v2 records (new field, new enum symbol)
        String topic = SharedStack.uniqueName("evolving");
        byte[] v1Bytes = serializer().serialize(topic, Trade.newBuilder().setSymbol("OLD").setQuantity(1).setSide(Side.BUY).build());
        byte[] shortTrade = serializer().serialize(topic, tradeV2("NEW", 3, "hedge"));
        byte[] buyTrade = serializer().serialize(topic, tradeV2("NEW", 1, null));

        // When an old consumer compiled against v1 reads them
        KafkaAvroDeserializer old = new KafkaAvroDeserializer();
        old.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

        // Then the unknown symbol falls back to the enum default and the new field is skipped
        assertThat(old.deserialize(topic, v1Bytes)).isEqualTo(new Trade("OLD", 1, Side.BUY));
        assertThat(old.deserialize(topic, shortTrade)).isEqualTo(new Trade("NEW", 7, Side.UNKNOWN));
        assertThat(old.deserialize(topic, buyTrade)).isEqualTo(new Trade("NEW", 7, Side.BUY));
        assertThat(java.nio.ByteBuffer.wrap(shortTrade, 1, 4).getInt()).isNotEqualTo(java.nio.ByteBuffer.wrap(v1Bytes, 1, 4).getInt());
    }

    @Test
    void aGenericReaderSeesTheWritersNewFields() {
        // Given a v2 record with the new optional field set
        String topic = SharedStack.uniqueName("evolving-generic");
        byte[] bytes = serializer().serialize(topic, tradeV2("NEW", 3, "hedge"));

        // When a generic consumer reads it
        KafkaAvroDeserializer generic = new KafkaAvroDeserializer();
        generic.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        GenericRecord read = (GenericRecord) generic.deserialize(topic, bytes);

        // Then it reads with the writer's schema, new field and symbol included
        assertThat(read.getSchema()).isEqualTo(v2);
        assertThat(read.get("note")).hasToString("hedge");
        assertThat(read.get("side")).hasToString("SHORT");
    }

    @Test
    void aReaderSchemaWithFewerFieldsReadsOnlyThose() {
        // Given v2 records written with every field
        String topic = SharedStack.uniqueName("evolving-projection");
        byte[] bytes = serializer().serialize(topic, tradeV2("NEW", 3, "hedge"));
        Schema projection = Schema.createRecord(v2.getName(), null, v2.getNamespace(), false,
                List.of(new Schema.Field(v2.getField("quantity"), v2.getField("quantity").schema()),
                        new Schema.Field(v2.getField("note"), v2.getField("note").schema())));

        // When a consumer reads them into a projection of the record
        KafkaAvroDeserializer projecting = new KafkaAvroDeserializer(
                SchemaRegistryClient.create(new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl)).clientConfig()),
                projection);
        projecting.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        GenericRecord read = (GenericRecord) projecting.deserialize(topic, bytes);

        // Then it holds just the projection's fields, with the writer's values, whatever specific.avro.reader says
        assertThat(read.getSchema()).isEqualTo(projection);
        assertThat(read.get("quantity")).isEqualTo(7);
        assertThat(read.get("note")).hasToString("hedge");
    }

    private KafkaAvroSerializer serializer() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serializer;
    }

    /** sideIndex 3 is SHORT, which v1 does not know. */
    private GenericRecord tradeV2(String symbol, int sideIndex, String note) {
        Schema sideSchema = v2.getField("side").schema();
        GenericRecord record = new GenericData.Record(v2);
        record.put("symbol", symbol);
        record.put("quantity", 7);
        record.put("side", new GenericData.EnumSymbol(sideSchema, sideSchema.getEnumSymbols().get(sideIndex)));
        record.put("note", note);
        return record;
    }
}
