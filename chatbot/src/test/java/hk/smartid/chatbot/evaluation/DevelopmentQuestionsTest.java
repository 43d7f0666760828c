package hk.smartid.chatbot.evaluation;

import hk.smartid.chatbot.TestCatalogue;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The floor on the development questions (180, 60 per language, 18 about no service), a little under what the
 * engine measures (README: top-1 0.95 / 0.95 / 1.0, out-of-scope 1.0, language 1.0), so that a change that makes
 * the chatbot worse fails here. Latency is not asserted: it depends on the machine's load.
 */
class DevelopmentQuestionsTest {

    @Test
    void answersTheDevelopmentQuestionsAboveTheFloor() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/chatbot-dev-questions.jsonl").toURI());
        Evaluation.Result result = Evaluation.run(TestCatalogue.chatbot(), Evaluation.read(file));

        assertThat(result.questions()).isEqualTo(180);
        assertThat(result.top1().get("all")).as(result.json()).isGreaterThanOrEqualTo(0.93);
        assertThat(result.top1().get("en")).as(result.json()).isGreaterThanOrEqualTo(0.90);
        assertThat(result.top1().get("zh-HK")).as(result.json()).isGreaterThanOrEqualTo(0.90);
        assertThat(result.top1().get("zh-CN")).as(result.json()).isGreaterThanOrEqualTo(0.93);
        assertThat(result.outOfScope()).as(result.json()).isGreaterThanOrEqualTo(0.88);
        assertThat(result.langDetected()).as(result.json()).isGreaterThanOrEqualTo(0.97);
    }
}
