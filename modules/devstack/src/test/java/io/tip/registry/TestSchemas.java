package io.tip.registry;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Small schemas for the tests, parsed from strings; Trade v1 is also generated (src/test/avro). */
public final class TestSchemas {
    /** Trade v2: an optional note and a SHORT side, both backward compatible with v1. */
    public static final String TRADE_V2 = """
        {"type":"record","name":"Trade","namespace":"io.tip.registry.testdata","fields":[
          {"name":"symbol","type":"string"},
          {"name":"quantity","type":"int"},
          {"name":"side","type":{"type":"enum","name":"Side","symbols":["UNKNOWN","BUY","SELL","SHORT"],"default":"UNKNOWN"}},
          {"name":"note","type":["null","string"],"default":null}]}""";

    /** Trade v1 plus a required field: new readers cannot read old data, so BACKWARD refuses it. */
    public static final String TRADE_WITH_REQUIRED_VENUE = """
        {"type":"record","name":"Trade","namespace":"io.tip.registry.testdata","fields":[
          {"name":"symbol","type":"string"},
          {"name":"quantity","type":"int"},
          {"name":"side","type":{"type":"enum","name":"Side","symbols":["UNKNOWN","BUY","SELL"],"default":"UNKNOWN"}},
          {"name":"venue","type":"string"}]}""";

    public static final String PRICE = """
        {"type":"record","name":"Price","namespace":"io.tip.registry.testdata","fields":[
          {"name":"symbol","type":"string"},{"name":"price","type":"double"}]}""";

    /** Price plus an optional currency: backward compatible with PRICE. */
    public static final String PRICE_WITH_CURRENCY = """
        {"type":"record","name":"Price","namespace":"io.tip.registry.testdata","fields":[
          {"name":"symbol","type":"string"},{"name":"price","type":"double"},
          {"name":"currency","type":["null","string"],"default":null}]}""";

    private TestSchemas() {
    }

    public static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    public static GenericRecord price(String symbol, double value) {
        GenericRecord record = new GenericData.Record(parse(PRICE));
        record.put("symbol", symbol);
        record.put("price", value);
        return record;
    }
}
