-- A transactionally consistent copy of the whole warehouse into the attached snapshot file
-- ({source} and {target} are quoted catalog names filled in by WarehouseSnapshot).
COPY FROM DATABASE {source} TO {target}
