-- Events now get their sequence numbers in commit order (an advisory lock in the writer), so readers
-- page by seq alone: the transaction id is not needed any more.

-- AlterTable
ALTER TABLE "domain_events" DROP COLUMN "tx_id";
