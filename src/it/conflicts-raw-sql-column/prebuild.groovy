// Records the hash of every project file before the build; verify.groovy checks that none changed.
evaluate(new File(itSupport)).recordTree()
