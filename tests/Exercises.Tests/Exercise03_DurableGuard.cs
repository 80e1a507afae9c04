namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 3: a durable guard.</summary>
[Exercise(3, "Durable guard", Lesson = 4, Hint = "Write the highest token and the value in one Disk.WriteBatch, and read the token back in the constructor.")]
public sealed class Exercise03_DurableGuard
{
    /// <summary>The guard fences like exercise 2.</summary>
    [Fact, Points(2)]
    public void Task1_StoresAndFences()
    {
        var guard = new DurableGuard(new Disk());
        Expect.Returns(true, guard.TryWrite(new FencingToken(34), "acct-1", 40), "TryWrite(token 34, acct-1, 40) on a new store", "any token is fine before the first write");
        Expect.Returns(40L, guard.Read("acct-1"), "Read(acct-1) after writing 40", "the write was accepted");
        Expect.Returns(false, guard.TryWrite(new FencingToken(33), "acct-1", -20), "TryWrite(token 33, ...) after token 34", "token 33 comes from a deposed leader");
        Expect.Returns(40L, guard.Read("acct-1"), "Read(acct-1) after the refused write", "a refused write changes nothing");
        Expect.Returns(true, guard.TryWrite(new FencingToken(34), "acct-1", 30), "TryWrite(token 34, acct-1, 30) after token 34", "the current leader may write again");
        Expect.Returns(30L, guard.Read("acct-1"), "Read(acct-1) after writing 30", "the write with the equal token was accepted");
        Expect.Returns(null, guard.Read("acct-2"), "Read(acct-2) never written", "nothing was stored there");
    }

    /// <summary>After a restart the stale write is still refused (the forgetful-storage bug).</summary>
    [Fact, Points(3)]
    public void Task2_RemembersTheHighestTokenAcrossARestart()
    {
        var disk = new Disk();
        new DurableGuard(disk).TryWrite(new FencingToken(34), "acct-1", 40);
        var restarted = new DurableGuard(disk);
        Expect.Returns(new FencingToken(34), restarted.Highest, "Highest after a restart", "the highest token must be on the disk, not only in memory");
        Expect.Returns(40L, restarted.Read("acct-1"), "Read(acct-1) after a restart", "the data must be on the disk");
        Expect.Returns(false, restarted.TryWrite(new FencingToken(33), "acct-1", -20), "TryWrite(token 33, ...) after a restart", "forgetting token 34 lets the deposed leader write (the forgetful-storage scenario)");
    }

    /// <summary>A power cut between any two disk writes never leaves the data ahead of the token, or behind it.</summary>
    [Fact, Points(3)]
    public void Task3_StoresTheTokenAtomicallyWithTheData()
    {
        for (int cut = 0; cut <= 3; cut++)
        {
            var disk = new Disk();
            new DurableGuard(disk).TryWrite(new FencingToken(33), "acct-1", 100);
            disk.CrashAfter(cut);
            try
            {
                new DurableGuard(disk).TryWrite(new FencingToken(34), "acct-1", 40);
            }
            catch (IOException)
            {
                // The power went out in the middle of the write.
            }

            disk.PowerOn();
            var restarted = new DurableGuard(disk);
            var value = restarted.Read("acct-1");
            var highest = restarted.Highest;
            bool consistent = (value == 40 && highest == new FencingToken(34)) || (value == 100 && highest == new FencingToken(33));
            Expect.That(consistent, $"With the power cut after {cut} disk write(s), the restarted store holds acct-1 = {Expect.Show(value)} with highest {Expect.Show(highest)}; the lesson expects the value and its token to land together (100 with token 33, or 40 with token 34). Use one WriteBatch.");
        }
    }

    /// <summary>A write the disk refused did not happen, not even in memory.</summary>
    [Fact, Points(2)]
    public void Task4_AFailedWriteChangesNothing()
    {
        var disk = new Disk();
        var guard = new DurableGuard(disk);
        guard.TryWrite(new FencingToken(33), "acct-1", 100);
        disk.CrashAfter(0);
        bool threw = false;
        try
        {
            guard.TryWrite(new FencingToken(40), "acct-1", 0);
        }
        catch (IOException)
        {
            threw = true;
        }

        Expect.That(threw, "TryWrite swallowed the disk's IOException; the lesson expects it to reach the caller, who must not believe the write happened.");
        disk.PowerOn();
        Expect.Returns(true, guard.TryWrite(new FencingToken(34), "acct-1", 40), "TryWrite(token 34) after a failed write with token 40", "the failed write never happened, so token 40 was never accepted");
    }
}
