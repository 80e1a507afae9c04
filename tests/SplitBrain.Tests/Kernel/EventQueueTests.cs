namespace SplitBrain.Tests.Kernel;

/// <summary>The simulation's event queue gives events back in exactly the order .NET's own priority queue would.</summary>
public class EventQueueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Events_come_out_by_time_then_by_scheduling_order_with_their_payloads_even_with_timers_removed(long seed)
    {
        var random = new SimRandom(seed);
        var queue = new EventQueue(4);
        var reference = new PriorityQueue<long, (long Time, long Sequence)>();
        var waitingTimers = new List<long>();
        long sequence = 0;
        var fromQueue = new List<(long, long)>();
        var fromReference = new List<(long, long)>();
        for (int step = 0; step < 5_000; step++)
        {
            long roll = random.NextInt64(10);
            if (roll < 5)
            {
                // Few distinct times, so ties are common and the sequence number must break them.
                long time = random.NextInt64(20);
                long id = sequence;
                queue.Enqueue(time, sequence, new SimEvent(EventKind.Timer, 0, -1, 0, id, $"tag {id}"));
                reference.Enqueue(id, (time, sequence));
                waitingTimers.Add(id);
                sequence++;
            }
            else if (roll < 7 && waitingTimers.Count > 0)
            {
                long id = waitingTimers[(int)random.NextInt64(waitingTimers.Count)];
                Assert.True(queue.RemoveTimer(id));
                Assert.False(queue.RemoveTimer(id));
                waitingTimers.Remove(id);
                RemoveFromReference(reference, id);
            }
            else if (queue.Count > 0)
            {
                Assert.True(queue.TryPeekTime(out long peeked));
                var item = queue.Dequeue(out long time, out long order);
                Assert.Equal(peeked, time);
                fromQueue.Add((time, order));
                Assert.Equal(order, item.TimerId);
                Assert.Equal($"tag {order}", item.Payload); // each payload comes back with its own event
                reference.TryDequeue(out long id, out var expected);
                fromReference.Add(expected);
                waitingTimers.Remove(id);
            }

            Assert.Equal(reference.Count, queue.Count);
        }

        Assert.Equal(fromReference, fromQueue);
        Assert.True(fromQueue.Count > 1_000, $"only {fromQueue.Count} events came out");
    }

    [Fact]
    public void An_empty_queue_says_so()
    {
        var queue = new EventQueue(4);
        Assert.False(queue.TryPeekTime(out _));
        Assert.False(queue.RemoveTimer(1));
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue(out _, out _));
    }

    [Fact]
    public void An_event_being_handled_keeps_its_place_while_the_handler_fills_the_queue_past_its_capacity()
    {
        var queue = new EventQueue(4);
        for (long i = 0; i < 4; i++)
        {
            queue.Enqueue(10 + i, i, new SimEvent(EventKind.Deliver, 0, 1, 0, 0, $"message {i}"));
        }

        int place = queue.DequeuePlace(out long time, out long sequence);
        Assert.Equal((10L, 0L), (time, sequence));

        // The handler schedules more than the queue had room for: the held event must stay as it was.
        for (long i = 4; i < 40; i++)
        {
            queue.Enqueue(100 + i, i, new SimEvent(EventKind.Timer, 0, -1, 0, i, $"timer {i}"));
        }

        Assert.Equal("message 0", queue.At(place).Payload);
        queue.Release(place);
        Assert.Equal(39, queue.Count);
        for (long i = 1; i < 40; i++)
        {
            var item = queue.Dequeue(out _, out long order);
            Assert.Equal(i, order);
            Assert.Equal(i < 4 ? $"message {i}" : $"timer {i}", item.Payload);
        }
    }

    [Fact]
    public void Only_a_timer_can_be_removed_by_its_sequence_number()
    {
        var queue = new EventQueue(4);
        queue.Enqueue(5, 0, new SimEvent(EventKind.Deliver, 0, 1, 0, 0, "a message"));
        queue.Enqueue(6, 1, new SimEvent(EventKind.Timer, 0, -1, 0, 1, "a timer"));
        Assert.False(queue.RemoveTimer(0)); // a timer id that happens to name a message
        Assert.True(queue.RemoveTimer(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal("a message", queue.Dequeue(out _, out _).Payload);
    }

    private static void RemoveFromReference(PriorityQueue<long, (long Time, long Sequence)> reference, long id)
    {
        var kept = new List<(long, (long, long))>();
        while (reference.TryDequeue(out long each, out var order))
        {
            if (each != id)
            {
                kept.Add((each, order));
            }
        }

        foreach (var (each, order) in kept)
        {
            reference.Enqueue(each, order);
        }
    }
}
