package hk.smartid.chatbot.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.smartid.chatbot.answer.ChatAnswer;
import hk.smartid.chatbot.answer.Chatbot;
import hk.smartid.chatbot.answer.Conversations;
import hk.smartid.chatbot.answer.Question;
import hk.smartid.chatbot.catalogue.Catalogue;
import hk.smartid.chatbot.language.Language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the chatbot on a question file (one JSON object per line: {@code id}, {@code lang}, {@code question},
 * {@code expect}: a service id or {@code none}). Only each question's text is sent, so language detection is
 * measured too. {@code ./chatbot/evaluate.sh FILE} runs it; the last line it prints is the result as JSON.
 */
public final class Evaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String NONE = "none";

    /** One question of the file. */
    public record Case(String id, Language lang, String question, String expect) {
    }

    /** One question's outcome. */
    public record Outcome(Case question, ChatAnswer answer, double millis) {
        public boolean correct() {
            return NONE.equals(question.expect()) ? answer.serviceId() == null
                    : question.expect().equals(answer.serviceId());
        }
    }

    /** The figures, as the evaluation prints them. */
    public record Result(int questions, Map<String, Double> top1, double outOfScope, double langDetected,
                         double p50Ms, double p95Ms, List<Outcome> outcomes) {

        public String json() {
            ObjectNode node = JSON.createObjectNode();
            node.put("questions", questions);
            ObjectNode top = node.putObject("top1");
            top1.forEach(top::put);
            node.put("outOfScope", outOfScope);
            node.put("langDetected", langDetected);
            node.put("p50Ms", p50Ms);
            node.put("p95Ms", p95Ms);
            return node.toString();
        }
    }

    public static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            cases.add(new Case(node.path("id").asText(), Language.fromTag(node.path("lang").asText())
                    .orElseThrow(() -> new IllegalArgumentException("Unknown lang in " + line)),
                    node.path("question").asText(), node.path("expect").asText()));
        }
        return cases;
    }

    public static Result run(Chatbot chatbot, List<Case> cases) {
        // a first question loads what the models load lazily; it is not a resident's wait
        chatbot.ask(Question.of("warm-up"));
        List<Outcome> outcomes = new ArrayList<>();
        for (Case question : cases) {
            long start = System.nanoTime();
            ChatAnswer answer = chatbot.ask(Question.of(question.question()));
            outcomes.add(new Outcome(question, answer, (System.nanoTime() - start) / 1e6));
        }
        Map<String, Double> top1 = new java.util.LinkedHashMap<>();
        top1.put("all", share(outcomes, outcome -> true, Outcome::correct));
        for (Language language : Language.values()) {
            top1.put(language.tag(), share(outcomes, outcome -> outcome.question().lang() == language, Outcome::correct));
        }
        double outOfScope = share(outcomes, outcome -> NONE.equals(outcome.question().expect()), Outcome::correct);
        double langDetected = share(outcomes, outcome -> true,
                outcome -> outcome.question().lang().tag().equals(outcome.answer().lang()));
        List<Double> times = new ArrayList<>(outcomes.stream().map(Outcome::millis).toList());
        Collections.sort(times);
        return new Result(outcomes.size(), top1, outOfScope, langDetected, percentile(times, 50), percentile(times, 95),
                outcomes);
    }

    private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> among,
                                java.util.function.Predicate<Outcome> counted) {
        List<Outcome> selected = outcomes.stream().filter(among).toList();
        return selected.isEmpty() ? 0 : round((double) selected.stream().filter(counted).count() / selected.size());
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return round(sorted.get(Math.max(0, index)));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** {@code Evaluation QUESTIONS CATALOGUE}: prints each miss, then the result as one JSON line. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Evaluation QUESTIONS.jsonl CATALOGUE.json");
            System.exit(2);
        }
        Catalogue catalogue;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            catalogue = Catalogue.read(in);
        }
        Chatbot chatbot = new Chatbot(catalogue, new Conversations(1, Duration.ofMinutes(1), Clock.systemUTC()));
        Result result = run(chatbot, read(Path.of(args[0])));
        for (Outcome outcome : result.outcomes()) {
            if (!outcome.correct() || !outcome.question().lang().tag().equals(outcome.answer().lang())) {
                System.out.printf("miss %s [%s->%s] expected %s, answered %s (%.2f): %s%n", outcome.question().id(),
                        outcome.question().lang().tag(), outcome.answer().lang(), outcome.question().expect(),
                        outcome.answer().serviceId(), outcome.answer().confidence(), outcome.question().question());
            }
        }
        System.out.println(result.json());
    }
}
