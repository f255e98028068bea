"""Paket komputasi untuk *Bab 11 — Melatih Jaringan Saraf Dalam* (edisi Indonesia).

Semua komputasi buku ada di sini: memuat data Fashion-MNIST, membangun model,
mengukur gradien dan aktivasi, menjalankan eksperimen pelatihan, dan menggambar.
Halaman buku hanya memanggil fungsi-fungsi paket ini.

Mengimpor paket ini tidak mengimpor TensorFlow; modul yang membutuhkannya
(``models``, ``gradients``, ``experiments``) mengimpornya sendiri.

>>> import chapter11
>>> chapter11.__version__
'0.1.0'
"""

__version__ = "0.1.0"
