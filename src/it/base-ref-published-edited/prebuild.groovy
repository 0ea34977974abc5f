// The git repository of this IT (it-support.groovy, baseRefRepository): main has the published 3f2a9c1e7b40 <-
// 5d7e2f90a1c3, then 8c41d0b7e925 on it; the branch feature (checked out) adds c9d8e7f6a5b4 on 3f2a9c1e7b40 and edits
// the published 5d7e2f90a1c3 to build on it (git-fixture/feature).
evaluate(new File(itSupport)).baseRefRepository()
