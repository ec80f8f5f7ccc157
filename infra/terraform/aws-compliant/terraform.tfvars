# Beijing: the filed machine room BJ-AWS (TE-2025-0077).
region = "cn-north-1"
