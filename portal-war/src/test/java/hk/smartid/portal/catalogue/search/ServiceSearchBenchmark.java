package hk.smartid.portal.catalogue.search;

import hk.smartid.portal.catalogue.EService;
import hk.smartid.portal.catalogue.ProjectCatalogue;
import hk.smartid.portal.catalogue.ServiceCatalogue;
import hk.smartid.portal.i18n.SupportedLanguage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Search latency over the whole catalogue, per language (issue 9): every service's name, each of its keywords
 * and (in English) its name with a typo, searched as a reader of that language would, with results highlighted
 * as the search page shows them. Prints BENCHMARK lines; asserts nothing about time.
 *
 * <pre>./mvnw -B -pl portal-war test -Dtest=ServiceSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ServiceSearchBenchmark {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);

    @Test
    void searchLatencyPerLanguage() {
        ServiceCatalogue catalogue = ProjectCatalogue.parsed();
        ServiceSearch search = new ServiceSearch(catalogue);
        for (SupportedLanguage language : SupportedLanguage.values()) {
            List<String> queries = queries(catalogue, language);
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                queries.forEach(query -> search.search(query, language, 20));
            }
            long[] nanos = new long[queries.size() * ROUNDS];
            int n = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (String query : queries) {
                    long start = System.nanoTime();
                    search.search(query, language, 20);
                    nanos[n++] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("BENCHMARK search %-5s %d services, %d queries x %d rounds: p50 %.2f ms, p95 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms%n", language.tag(), catalogue.services().size(),
                    queries.size(), ROUNDS, millis(nanos, 0.50), millis(nanos, 0.95), millis(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6);
        }
    }

    private static List<String> queries(ServiceCatalogue catalogue, SupportedLanguage language) {
        List<String> queries = new ArrayList<>();
        for (EService service : catalogue.services()) {
            String name = service.name().in(language);
            queries.add(name);
            queries.addAll(service.keywordsIn(language.tag()));
            if (language == SupportedLanguage.EN && name.length() > 6) {
                // a letter dropped in the middle of the first long word
                queries.add(name.substring(0, 3) + name.substring(4));
            }
        }
        return queries;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
