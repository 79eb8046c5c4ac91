package dev.genaiagent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StreamWatchTest {

  @Test
  void anUnreachableStreamIsEndedAsAbandonedAndADoneOneNever() throws Exception {
    List<String> ended = new CopyOnWriteArrayList<>();
    StreamWatch.watch(new Object(), type -> ended.add("dropped:" + type), Long.MAX_VALUE / 4);
    Object kept = new Object();
    StreamWatch.Watch done = StreamWatch.watch(kept, type -> ended.add("done:" + type), Long.MAX_VALUE / 4);
    done.done();
    for (int i = 0; i < 50 && ended.isEmpty(); i++) {
      System.gc();
      Thread.sleep(20);
      StreamWatch.poll();
    }
    assertThat(ended).containsExactly("dropped:stream_abandoned");
    assertThat(kept).isNotNull();
  }

  @Test
  void aStreamOpenPastItsTimeoutEndsOnce() throws Exception {
    List<String> ended = new CopyOnWriteArrayList<>();
    Object stream = new Object();
    StreamWatch.watch(stream, ended::add, 0);
    for (int i = 0; i < 30 && ended.isEmpty(); i++) {
      Thread.sleep(100); // the timeout sweep runs at most once a second
      StreamWatch.poll();
    }
    StreamWatch.poll();
    assertThat(ended).containsExactly("stream_timeout");
    assertThat(stream).isNotNull();
  }

  @Test
  void theNumberOfWatchedStreamsIsBounded() {
    List<Object> streams = new ArrayList<>();
    List<String> ended = new CopyOnWriteArrayList<>();
    for (int i = 0; i < StreamWatch.MAX_WATCHED + 10; i++) {
      Object s = new Object();
      streams.add(s);
      StreamWatch.watch(s, ended::add, Long.MAX_VALUE / 4);
    }
    assertThat(StreamWatch.watchedCount()).isLessThanOrEqualTo(StreamWatch.MAX_WATCHED);
    assertThat(ended).hasSizeGreaterThanOrEqualTo(10).allMatch("stream_abandoned"::equals);
    assertThat(streams).hasSize(StreamWatch.MAX_WATCHED + 10);
  }
}
