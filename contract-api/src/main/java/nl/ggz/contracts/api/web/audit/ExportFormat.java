package nl.ggz.contracts.api.web.audit;

import com.fasterxml.jackson.core.JsonFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;

/** NDJSON unless the client asks for CSV ({@code Accept: text/csv}) before anything NDJSON would satisfy. */
enum ExportFormat {
    NDJSON(MediaType.parseMediaType("application/x-ndjson")),
    CSV(MediaType.parseMediaType("text/csv"));

    private final MediaType mediaType;

    ExportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static ExportFormat accepting(String accept) {
        if (accept == null || accept.isBlank()) {
            return NDJSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return NDJSON;
        }
        // stable: among equal qualities the order the client wrote wins
        types = types.stream().sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList();
        for (MediaType type : types) {
            if (type.getQualityValue() > 0 && type.includes(NDJSON.mediaType)) {
                return NDJSON;
            }
            if (type.getQualityValue() > 0 && type.includes(CSV.mediaType)) {
                return CSV;
            }
        }
        return NDJSON;
    }

    String contentType() {
        return this == CSV ? "text/csv;charset=UTF-8;header=present" : "application/x-ndjson;charset=UTF-8";
    }

    EventLineWriter writer(OutputStream out, JsonFactory json) throws IOException {
        return this == CSV ? new CsvLineWriter(out) : new NdjsonLineWriter(out, json);
    }
}
