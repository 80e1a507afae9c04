namespace SplitBrain;

/// <summary>
/// The simulation's agenda: every event still to happen, earliest first. A binary min-heap ordered by
/// virtual time and then by the order events were scheduled in, so that no two entries ever tie.
/// </summary>
/// <remarks>
/// <para>It does what <see cref="PriorityQueue{TElement, TPriority}"/> does, kept here because the explorer
/// spends much of its time in it: the entries are plain structs compared inline, the earliest one can be
/// looked at without taking it out, and a cancelled timer can be taken out.</para>
/// <para>The heap lives in one array: the children of entry <c>i</c> are <c>2i + 1</c> and <c>2i + 2</c>,
/// and every entry is earlier than its children, so the earliest event is always at index 0.</para>
/// <para>Entries hold numbers only. Each event's payload (its message, timer tag or fault) waits in a
/// second array that never moves, so that moving entries up and down the heap is plain copying, with
/// none of the bookkeeping the garbage collector needs when references move.</para>
/// </remarks>
internal sealed class EventQueue
{
    private Entry[] heap;
    private object?[] payloads;
    private int[] freePayloads;
    private int freeCount;
    private int payloadsUsed;
    private int count;

    /// <summary>Makes an empty queue with room for <paramref name="capacity"/> events before it grows.</summary>
    public EventQueue(int capacity)
    {
        heap = new Entry[Math.Max(capacity, 4)];
        payloads = new object?[heap.Length];
        freePayloads = new int[heap.Length];
    }

    /// <summary>How many events are waiting.</summary>
    public int Count => count;

    /// <summary>Adds <paramref name="item"/>, to happen at <paramref name="time"/> after every event already scheduled for that time.</summary>
    /// <param name="time">When, in true ticks.</param>
    /// <param name="sequence">The tie-breaker: the order it was scheduled in; never reused.</param>
    /// <param name="item">The event.</param>
    public void Enqueue(long time, long sequence, in SimEvent item)
    {
        if (count == heap.Length)
        {
            Array.Resize(ref heap, heap.Length * 2);
            Array.Resize(ref payloads, heap.Length);
            Array.Resize(ref freePayloads, heap.Length);
        }

        int place = freeCount > 0 ? freePayloads[--freeCount] : payloadsUsed++;
        payloads[place] = item.Payload;
        var entry = new Entry(time, sequence, item, place);
        heap[SiftUp(count++, entry)] = entry;
    }

    /// <summary>The time of the earliest event, or false if none is waiting.</summary>
    /// <param name="time">The earliest event's time.</param>
    public bool TryPeekTime(out long time)
    {
        if (count == 0)
        {
            time = 0;
            return false;
        }

        time = heap[0].Time;
        return true;
    }

    /// <summary>Takes out the earliest event.</summary>
    /// <param name="time">When it happens.</param>
    /// <param name="sequence">Its tie-breaker.</param>
    /// <returns>The event.</returns>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public SimEvent Dequeue(out long time, out long sequence)
    {
        if (count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        var first = heap[0];
        time = first.Time;
        sequence = first.Sequence;
        var item = first.ToEvent(TakePayload(first.Payload));

        // Move the last entry into the hole at the top, then down until both children are later.
        var last = heap[--count];
        int hole = SiftDown(0, last);
        if (count > 0)
        {
            heap[hole] = last;
        }

        return item;
    }

    /// <summary>
    /// Takes timer <paramref name="timerId"/> out of the queue, if it is waiting there, so that a cancelled
    /// timer costs nothing later. The queue is short (a few events per node), so a plain search is quick.
    /// </summary>
    /// <param name="timerId">The timer's id.</param>
    /// <returns>Whether it was waiting.</returns>
    public bool RemoveTimer(long timerId)
    {
        int index = IndexOfTimer(timerId);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        return true;
    }

    private int IndexOfTimer(long timerId)
    {
        for (int i = 0; i < count; i++)
        {
            if (heap[i].Kind == EventKind.Timer && heap[i].TimerId == timerId)
            {
                return i;
            }
        }

        return -1;
    }

    private void RemoveAt(int index)
    {
        TakePayload(heap[index].Payload);
        var last = heap[--count];
        if (index == count)
        {
            return;
        }

        // The last entry fills the hole; it may belong higher up or lower down.
        int hole = SiftUp(index, last);
        if (hole == index)
        {
            hole = SiftDown(index, last);
        }

        heap[hole] = last;
    }

    /// <summary>Moves a hole at <paramref name="hole"/> up until <paramref name="entry"/> fits there: not earlier than its parent.</summary>
    private int SiftUp(int hole, in Entry entry)
    {
        while (hole > 0)
        {
            int parent = (hole - 1) / 2;
            if (!Earlier(entry, heap[parent]))
            {
                break;
            }

            heap[hole] = heap[parent];
            hole = parent;
        }

        return hole;
    }

    /// <summary>Moves a hole at <paramref name="hole"/> down until <paramref name="entry"/> fits there: earlier than both children.</summary>
    private int SiftDown(int hole, in Entry entry)
    {
        while (true)
        {
            int child = (2 * hole) + 1;
            if (child >= count)
            {
                return hole;
            }

            if (child + 1 < count && Earlier(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!Earlier(heap[child], entry))
            {
                return hole;
            }

            heap[hole] = heap[child];
            hole = child;
        }
    }

    /// <summary>Hands back the payload kept at <paramref name="place"/> and frees the place.</summary>
    private object? TakePayload(int place)
    {
        var payload = payloads[place];
        payloads[place] = null; // let it be collected
        freePayloads[freeCount++] = place;
        return payload;
    }

    private static bool Earlier(in Entry a, in Entry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    /// <summary>One waiting event, all numbers: its payload waits in <see cref="payloads"/> at <see cref="Payload"/>.</summary>
    private readonly struct Entry(long time, long sequence, in SimEvent item, int payload)
    {
        public readonly long Time = time;
        public readonly long Sequence = sequence;
        public readonly long TimerId = item.TimerId;
        public readonly int Node = item.Node;
        public readonly int From = item.From;
        public readonly int Incarnation = item.Incarnation;
        public readonly int Payload = payload;
        public readonly EventKind Kind = item.Kind;

        public SimEvent ToEvent(object? payload) => new(Kind, Node, From, Incarnation, TimerId, payload);
    }
}
