// Buku yang dibuka langsung dari disk (file://): peramban melarang fetch() ke berkas lokal,
// jadi cuplikan teks hasil pencarian (yang mengambil setiap halaman hasil) dimatikan di sana.
// Hasil pencarian tetap lengkap; di situs yang dihosting cuplikan tetap tampil.
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
