using NewsAggregator.Fetching;

namespace NewsAggregator.Storage;

/// <summary>
/// robots.txt answers kept in the database (table <c>robots_txt</c>). It is a cache: a database
/// that cannot be read or written costs a robots.txt request, never the request it was asked for.
/// </summary>
public sealed class DatabaseRobotsStore(NewsDatabase database) : IRobotsStore
{
    public StoredRobots? Find(string hostKey)
    {
        try
        {
            return database.FindRobots(hostKey);
        }
        catch (StorageException)
        {
            return null;
        }
    }

    public void Save(string hostKey, StoredRobots robots)
    {
        try
        {
            database.SaveRobots(hostKey, robots);
        }
        catch (StorageException)
        {
            // Kept in memory for this process all the same; the next one asks the host again.
        }
    }
}
