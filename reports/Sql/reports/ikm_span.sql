-- City IKM inputs over exactly [$from, $to): per-element answer sums and non-empty counts (IKM itself is computed in C#
-- by IkmScale, like the marts), and respondents. Used to compare a running quarter with the same
-- elapsed span of the previous quarter.
SELECT count(*) AS responden,
       sum(u1) AS s1, count(u1) AS n1, sum(u2) AS s2, count(u2) AS n2, sum(u3) AS s3, count(u3) AS n3,
       sum(u4) AS s4, count(u4) AS n4, sum(u5) AS s5, count(u5) AS n5, sum(u6) AS s6, count(u6) AS n6,
       sum(u7) AS s7, count(u7) AS n7, sum(u8) AS s8, count(u8) AS n8, sum(u9) AS s9, count(u9) AS n9
FROM fact_skm
WHERE tanggal_survei >= $from AND tanggal_survei < $to
