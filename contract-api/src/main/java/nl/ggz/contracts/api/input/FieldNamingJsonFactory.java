package nl.ggz.contracts.api.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The API's JSON factory: Jackson's own parsers, except that a refusal by the stream read constraints (a number longer
 * than the bound, nesting too deep) carries the parser, so that the problem names the field where it stood. Jackson
 * raises those as a bare StreamConstraintsException from the middle of reading a token, with no field and no position.
 */
public final class FieldNamingJsonFactory extends JsonFactory {

    public FieldNamingJsonFactory() {
        super();
    }

    private FieldNamingJsonFactory(FieldNamingJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new FieldNamingJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new Parser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Parser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new Parser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new Parser(super._createParser(data, offset, length, context));
    }

    /** A stream read constraint refused the input where the parser stands (see {@link JsonProblems}). */
    public static final class ConstraintRefusal extends JsonParseException {
        ConstraintRefusal(JsonParser parser, StreamConstraintsException refusal) {
            super(parser, refusal.getOriginalMessage(), refusal);
        }
    }

    /** Every other read goes through these four (JsonParser's nextFieldName, nextTextValue … call nextToken). */
    private static final class Parser extends JsonParserDelegate {
        Parser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            try {
                return super.nextToken();
            } catch (StreamConstraintsException e) {
                throw new ConstraintRefusal(this, e);
            }
        }

        @Override
        public JsonToken nextValue() throws IOException {
            try {
                return super.nextValue();
            } catch (StreamConstraintsException e) {
                throw new ConstraintRefusal(this, e);
            }
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            try {
                return super.skipChildren();
            } catch (StreamConstraintsException e) {
                throw new ConstraintRefusal(this, e);
            }
        }

        @Override
        public void finishToken() throws IOException {
            try {
                super.finishToken();
            } catch (StreamConstraintsException e) {
                throw new ConstraintRefusal(this, e);
            }
        }
    }
}
