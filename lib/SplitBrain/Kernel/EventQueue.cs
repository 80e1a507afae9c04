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
/// <para>A heap entry is small: a time, a sequence number and a place. The event itself (its kind, its node
/// and its payload: a message, a timer tag or a fault) waits at that place in a second array that never
/// moves. So moving entries up and down the heap copies 24 bytes of plain numbers, with none of the
/// bookkeeping the garbage collector needs when references move.</para>
/// </remarks>
internal sealed class EventQueue
{
    private Entry[] heap;
    private SimEvent[] events;
    private int[] freePlaces;
    private int freeCount;
    private int placesUsed;
    private int count;

    /// <summary>Makes an empty queue with room for <paramref name="capacity"/> events before it grows.</summary>
    public EventQueue(int capacity)
    {
        heap = new Entry[Math.Max(capacity, 4)];
        events = new SimEvent[heap.Length];
        freePlaces = new int[heap.Length];
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
        }

        if (freeCount == 0 && placesUsed == events.Length)
        {
            // Every place is taken (one may hold the event being handled): make room.
            Array.Resize(ref events, events.Length * 2);
            Array.Resize(ref freePlaces, events.Length);
        }

        int place = freeCount > 0 ? freePlaces[--freeCount] : placesUsed++;
        events[place] = item;
        var entry = new Entry(time, sequence, place);
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
        int place = DequeuePlace(out time, out sequence);
        var item = events[place];
        Release(place);
        return item;
    }

    /// <summary>
    /// Takes the earliest event off the heap but leaves it where it waits, so that the simulation can read it
    /// there without copying it; <see cref="Release"/> frees the place once the event has been handled.
    /// </summary>
    /// <param name="time">When it happens.</param>
    /// <param name="sequence">Its tie-breaker.</param>
    /// <returns>The place where the event waits; read it with <see cref="At"/>.</returns>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public int DequeuePlace(out long time, out long sequence)
    {
        if (count == 0)
        {
            throw new InvalidOperationException("The event queue is empty.");
        }

        var first = heap[0];
        time = first.Time;
        sequence = first.Sequence;

        // Move the last entry into the hole at the top, then down until both children are later.
        var last = heap[--count];
        int hole = SiftDown(0, last);
        if (count > 0)
        {
            heap[hole] = last;
        }

        return first.Place;
    }

    /// <summary>The event waiting at <paramref name="place"/>, read where it is.</summary>
    /// <param name="place">A place that <see cref="DequeuePlace"/> returned and that was not released yet.</param>
    public ref readonly SimEvent At(int place) => ref events[place];

    /// <summary>Frees a place that <see cref="DequeuePlace"/> returned, once its event has been handled.</summary>
    /// <param name="place">The place.</param>
    public void Release(int place)
    {
        events[place] = default; // let its payload be collected
        freePlaces[freeCount++] = place;
    }

    /// <summary>
    /// Takes the timer that was queued with sequence number <paramref name="sequence"/> out of the queue, if it
    /// is waiting there, so that a cancelled timer costs nothing later. The queue is short (a few events per
    /// node), so a plain search is quick.
    /// </summary>
    /// <param name="sequence">The sequence number the timer was queued with: its id.</param>
    /// <returns>Whether it was waiting.</returns>
    public bool RemoveTimer(long sequence)
    {
        for (int i = 0; i < count; i++)
        {
            if (heap[i].Sequence == sequence)
            {
                if (events[heap[i].Place].Kind != EventKind.Timer)
                {
                    return false; // a message or a fault, never a timer: leave it
                }

                RemoveAt(i);
                return true;
            }
        }

        return false;
    }

    private void RemoveAt(int index)
    {
        Release(heap[index].Place);
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

    private static bool Earlier(in Entry a, in Entry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    /// <summary>One waiting event, all numbers: the event itself waits in <see cref="events"/> at <see cref="Place"/>.</summary>
    private readonly struct Entry(long time, long sequence, int place)
    {
        public readonly long Time = time;
        public readonly long Sequence = sequence;
        public readonly int Place = place;
    }
}
