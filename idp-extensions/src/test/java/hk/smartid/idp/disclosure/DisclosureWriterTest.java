package hk.smartid.idp.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisclosureWriterTest {

    private static final long T0 = 1_764_547_200_000L;

    private static Disclosure entry(String id) {
        return Disclosure.of(id, "realm-1", "user-1", "sample-bank", "consent-1", "person.hkid", T0);
    }

    @Test
    void shouldReturnOnlyOnceTheEntryIsCommittedAndCommitConcurrentAnswersTogether() throws Exception {
        List<List<String>> committed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        ExecutorService answers = Executors.newFixedThreadPool(6);
        try (DisclosureWriter writer = new DisclosureWriter(entries -> {
            if (committed.isEmpty()) {
                firstCommitStarted.countDown();
                await(releaseFirstCommit);
            }
            committed.add(entries.stream().map(Disclosure::id).toList());
        })) {
            Future<Disclosure> first = answers.submit(() -> writer.append(entry("first")));
            assertThat(firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Disclosure>> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String id = "during-" + i;
                during.add(answers.submit(() -> writer.append(entry(id))));
            }
            Thread.sleep(300);
            // While its commit is under way, no answer has returned.
            assertThat(first.isDone()).isFalse();
            assertThat(during).noneMatch(Future::isDone);

            releaseFirstCommit.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).id()).isEqualTo("first");
            for (Future<Disclosure> answer : during) {
                assertThat(answer.get(10, TimeUnit.SECONDS).id()).startsWith("during-");
            }
            // The five that arrived during the first commit shared the next one.
            assertThat(committed).hasSize(2);
            assertThat(committed.get(1)).containsExactlyInAnyOrder("during-0", "during-1", "during-2", "during-3", "during-4");
        } finally {
            answers.shutdownNow();
        }
    }

    @Test
    void shouldFailOnlyTheAnswerWhoseEntryCannotBeCommitted() throws Exception {
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCommit = new CountDownLatch(1);
        ExecutorService answers = Executors.newFixedThreadPool(4);
        try (DisclosureWriter writer = new DisclosureWriter(entries -> {
            if (entries.stream().anyMatch(e -> e.id().equals("gate"))) {
                firstCommitStarted.countDown();
                await(releaseFirstCommit);
            }
            if (entries.stream().anyMatch(e -> e.id().equals("bad"))) {
                throw new IllegalStateException("constraint violated");
            }
            entries.forEach(e -> committed.add(e.id()));
        })) {
            Future<Disclosure> gate = answers.submit(() -> writer.append(entry("gate")));
            assertThat(firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Disclosure> good = answers.submit(() -> writer.append(entry("good")));
            Future<Disclosure> bad = answers.submit(() -> writer.append(entry("bad")));
            Future<Disclosure> alsoGood = answers.submit(() -> writer.append(entry("also-good")));
            Thread.sleep(300);
            releaseFirstCommit.countDown();

            assertThat(gate.get(10, TimeUnit.SECONDS).id()).isEqualTo("gate");
            assertThat(good.get(10, TimeUnit.SECONDS).id()).isEqualTo("good");
            assertThat(alsoGood.get(10, TimeUnit.SECONDS).id()).isEqualTo("also-good");
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not be logged");
            assertThat(committed).containsExactlyInAnyOrder("gate", "good", "also-good");
        } finally {
            answers.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnAppendOnceClosed() {
        DisclosureWriter writer = new DisclosureWriter(entries -> { });
        writer.close();

        assertThatThrownBy(() -> writer.append(entry("late"))).isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
