package hk.smartid.chatbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import hk.smartid.chatbot.catalogue.Catalogue;
import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.language.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Dense ranking of the services by sentence embeddings computed in the JVM (ONNX Runtime through LangChain4j;
 * the models' weights ship inside their jars, nothing is downloaded): all-MiniLM-L6-v2 for English,
 * bge-small-zh-v1.5 for Chinese in both scripts. Each service is several short passages (name, name with
 * summary, keywords, eligibility, how to apply, each FAQ question); a service scores its best passage's cosine
 * similarity to the question.
 */
final class SemanticIndex {

    /** The instruction bge-small-zh-v1.5 is trained with for short queries against passages. */
    private static final String BGE_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    private final EmbeddingModel english;
    private final EmbeddingModel chinese;
    private final List<Vector> englishPassages;
    private final List<Vector> chinesePassages;

    /** {@code core}: a passage of what the service is (name, summary, keywords), not of a detail of it. */
    private record Vector(String serviceId, boolean core, float[] values) {
    }

    SemanticIndex(Catalogue catalogue, EmbeddingModels models) {
        this.english = models.english();
        this.chinese = models.chinese();
        englishPassages = embed(english, catalogue, List.of(Language.EN));
        chinesePassages = embed(chinese, catalogue, List.of(Language.ZH_HK, Language.ZH_CN));
    }

    /** The models, loaded once per JVM: loading reads tens of megabytes of weights. */
    record EmbeddingModels(EmbeddingModel english, EmbeddingModel chinese) {
        private static volatile EmbeddingModels shared;

        static EmbeddingModels shared() {
            if (shared == null) {
                synchronized (EmbeddingModels.class) {
                    if (shared == null) {
                        shared = new EmbeddingModels(
                                fromJar(AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q", PoolingMode.MEAN),
                                fromJar(BgeSmallZhV15EmbeddingModel.class, "bge-small-zh-v1.5", PoolingMode.CLS));
                    }
                }
            }
            return shared;
        }
    }

    /**
     * A model whose weights ship in the jar of {@code modelClass}, copied to a temporary file first: ONNX Runtime
     * then reads the file itself, whereas the model classes read the weights from the jar into the Java heap (about
     * three times the model's size at the peak, which a server's default heap of 512 MB does not have). Same
     * weights, tokenizer and pooling as {@code modelClass}.
     */
    private static EmbeddingModel fromJar(Class<?> modelClass, String name, PoolingMode pooling) {
        try {
            Path directory = Files.createTempDirectory("smartid-chatbot-" + name);
            Path model = copy(modelClass, name + ".onnx", directory);
            Path tokenizer = copy(modelClass, name + "-tokenizer.json", directory);
            return new OnnxEmbeddingModel(model, tokenizer, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the embedding model " + name, e);
        }
    }

    private static Path copy(Class<?> modelClass, String resource, Path directory) throws IOException {
        Path file = directory.resolve(resource);
        try (InputStream in = modelClass.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not in the jar of " + modelClass.getName());
            }
            Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
        directory.toFile().deleteOnExit();
        return file;
    }

    private static List<Vector> embed(EmbeddingModel model, Catalogue catalogue, List<Language> languages) {
        List<String> ids = new ArrayList<>();
        List<Boolean> core = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        for (Service service : catalogue.services()) {
            for (Language language : languages) {
                List<String> passages = passages(service, language).toList();
                for (int i = 0; i < passages.size(); i++) {
                    ids.add(service.id());
                    core.add(i < CORE_PASSAGES);
                    segments.add(TextSegment.from(passages.get(i)));
                }
            }
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<Vector> vectors = new ArrayList<>(embeddings.size());
        for (int i = 0; i < embeddings.size(); i++) {
            vectors.add(new Vector(ids.get(i), core.get(i), normalised(embeddings.get(i).vector())));
        }
        return vectors;
    }

    /** The first passages of a service: its name, name with summary, name with keywords. */
    private static final int CORE_PASSAGES = 3;

    private static Stream<String> passages(Service service, Language language) {
        String name = service.name().in(language);
        return Stream.concat(Stream.of(name, name + ". " + service.summary().in(language),
                        name + ": " + String.join(", ", service.keywordsIn(language)),
                        service.eligibility().in(language), service.howToApply().in(language)),
                service.faq().stream().map(faq -> faq.question().in(language)));
    }

    /** A question's best cosine similarity per service id, over all its passages and over its core passages. */
    record Similarities(Map<String, Float> any, Map<String, Float> core) {
    }

    Similarities similarities(String message, Language language) {
        boolean chineseQuestion = language.isChinese();
        EmbeddingModel model = chineseQuestion ? chinese : english;
        String query = chineseQuestion ? BGE_QUERY_INSTRUCTION + message : message;
        float[] question = normalised(model.embed(query).content().vector());
        Map<String, Float> best = new HashMap<>();
        Map<String, Float> core = new HashMap<>();
        for (Vector passage : chineseQuestion ? chinesePassages : englishPassages) {
            float similarity = dot(question, passage.values());
            best.merge(passage.serviceId(), similarity, Math::max);
            if (passage.core()) {
                core.merge(passage.serviceId(), similarity, Math::max);
            }
        }
        return new Similarities(best, core);
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float length = (float) Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = length == 0 ? 0 : vector[i] / length;
        }
        return unit;
    }
}
